import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE, parseVietnamDate, vietnamDate, vietnamDateTime, isoWithOffset } from '../../src/dates/index.ts';

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

test("the dates as text are luxon's, without its formatter", () => {
  // An instant every 997 hours and 1 ms from 1900 to 2100, in Vietnam time and from other offsets.
  const luxon = (d: DateTime) => {
    const vn = d.setZone(VIETNAM_ZONE).setLocale('vi');
    return [vn.toFormat('dd/MM/yyyy'), vn.toFormat('dd/MM/yyyy HH:mm:ss'), vn.toISO({ suppressMilliseconds: true })];
  };
  let checked = 0;
  for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 997 * 3_600_000 + 1) {
    for (const date of [DateTime.fromMillis(ms, { zone: VIETNAM_ZONE }), DateTime.fromMillis(ms, { zone: 'UTC-3' })]) {
      assert.deepEqual([vietnamDate(date), vietnamDateTime(date), isoWithOffset(date)], luxon(date), date.toISO()!);
      checked++;
    }
    const plain = new Date(ms - (ms % 1000));
    assert.equal(isoWithOffset(plain), luxon(DateTime.fromJSDate(plain))[2]);
  }
  assert.ok(checked > 3000);
  const farFuture = DateTime.fromObject({ year: 12_000 }, { zone: VIETNAM_ZONE });
  assert.deepEqual([vietnamDate(farFuture), isoWithOffset(farFuture)], [luxon(farFuture)[0], luxon(farFuture)[2]]);
});
