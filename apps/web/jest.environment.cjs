/**
 * jsdom plus what it lacks and the app uses: the Fetch API classes (Response, Request, Headers)
 * and TextEncoder/TextDecoder (react-router), taken from Node.
 * `fetch` itself stays undefined: each test stubs it, as it is the process boundary.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchClasses extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, {
      Response: globalThis.Response,
      Request: globalThis.Request,
      Headers: globalThis.Headers,
      TextEncoder: globalThis.TextEncoder,
      TextDecoder: globalThis.TextDecoder,
    });
  }
}

module.exports = JsdomWithFetchClasses;
