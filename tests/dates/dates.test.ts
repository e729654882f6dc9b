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

test("the dates editors write are read as luxon's ISO parser reads them", () => {
  const luxon = (text: string) => {
    const parsed = DateTime.fromISO(text.trim(), { zone: VIETNAM_ZONE });
    return parsed.isValid ? parsed.setZone(VIETNAM_ZONE) : null;
  };
  const same = (text: string) => {
    const [ours, theirs] = [parseVietnamDate(text), luxon(text)];
    assert.equal(ours?.toMillis(), theirs?.toMillis(), text);
    assert.equal(ours?.toISO(), theirs?.toISO(), text);
    assert.equal(ours?.zone.equals(VIETNAM_ZONE), theirs?.zone.equals(VIETNAM_ZONE), text);
  };
  // A time every 9,973 minutes and 17 seconds from 1900 to 2100, in each form an editor may write it.
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  let checked = 0;
  for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 9_973 * 60_000 + 17_000) {
    const d = new Date(ms);
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    for (const text of [day, `${day}T${time}`, `${day}T${time}:${pad(d.getUTCSeconds())}`, `${day}T${time}:07+07:00`, ` ${day} `])
      same(text);
    checked++;
  }
  assert.ok(checked > 10_000);
  // Out of range, other offsets and other forms: luxon decides, as before.
  for (const text of [
    '2023-02-29',
    '2024-02-29',
    '2024-02-30',
    '2024-00-10',
    '2024-13-01',
    '2024-04-31',
    '2024-04-00',
    '2024-04-10T24:00',
    '2024-04-10T23:60',
    '2024-04-10T23:59:60',
    '0999-01-01',
    '2024-04-10T09:00+08:00',
    '2024-04-10T09:00Z',
    '2024-04-10T09:00:00.250+07:00',
    '2024-W15-3',
    '2024-101',
    '20240410',
  ])
    same(text);
});
