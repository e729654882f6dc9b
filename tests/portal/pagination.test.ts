import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWindow } from '../../src/portal/index.ts';

test('short lists show every page', () => {
  assert.deepEqual(pageWindow(2, 5), [1, 2, 3, 4, 5]);
});

test('long lists show first, last and neighbours of the current page', () => {
  assert.deepEqual(pageWindow(1, 700), [1, 2, 3, 700]);
  assert.deepEqual(pageWindow(50, 700), [1, 48, 49, 50, 51, 52, 700]);
  assert.deepEqual(pageWindow(700, 700), [1, 698, 699, 700]);
});
