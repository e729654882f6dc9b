import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVietnamDate, vietnamDate, vietnamDateTime, isoWithOffset } from '../../src/dates/index.ts';

test('a late-evening date in Vietnam stays on its own day', () => {
  const date = parseVietnamDate('2018-08-06T23:30:00+07:00')!;
  assert.equal(vietnamDate(date), '06/08/2018');
});

test('a UTC time is shown in Vietnam time', () => {
  assert.equal(vietnamDateTime(parseVietnamDate('2018-08-06T20:00:00Z')!), '07/08/2018 03:00:00');
});

test('a date-time without offset means Vietnam time', () => {
  const date = parseVietnamDate('2018-08-06T09:47:32')!;
  assert.equal(isoWithOffset(date), '2018-08-06T09:47:32+07:00');
  assert.equal(vietnamDateTime(date), '06/08/2018 09:47:32');
});

test('a bare date is midnight in Vietnam', () => {
  assert.equal(isoWithOffset(parseVietnamDate('2018-08-06')!), '2018-08-06T00:00:00+07:00');
});

test('invalid dates are rejected', () => {
  for (const bad of ['06/08/2018', '2018-13-01', 'hôm qua', '']) assert.equal(parseVietnamDate(bad), null, bad);
});
