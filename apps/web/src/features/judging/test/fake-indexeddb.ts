import v8 from 'node:v8';
import 'fake-indexeddb/auto';

/**
 * IndexedDB for jsdom tests (fake-indexeddb, an implementation of the spec in memory). It clones
 * values with `structuredClone`, which jsdom does not expose; Node's v8 serializer implements the
 * same structured clone algorithm.
 */
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
}
