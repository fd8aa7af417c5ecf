// Reading an item a test expects to be there, under noUncheckedIndexedAccess: a missing one fails the test
// with what was expected and what there was, rather than with a TypeError on undefined further on.
import assert from 'node:assert/strict';

/** `items[index]`, asserted to be there. */
export function nth<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  assert.ok(item !== undefined, `expected an item at index ${index}, found ${items.length} items`);
  return item;
}
