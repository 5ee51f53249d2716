import { configure } from '@testing-library/dom';

// What jsdom lacks and Mantine needs; nothing here stands in for application code.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver });
}

window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

// The machine running the tests may be busy (parallel builds, other suites): waiting up to five
// seconds for what a page shows keeps a slow first render from reading as a failure. From the DOM
// library, not React's: importing that one here, before Jest's globals exist, would switch off its
// automatic cleanup between tests.
configure({ asyncUtilTimeout: 5000 });
