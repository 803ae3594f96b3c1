import { localDayGrid } from '@euroflex/markets';
import { blockOfInterval } from './blocks';

const TZ = 'Europe/Brussels';

function blockLengths(date: string, minutes: number): number[] {
  const { blockOfInterval: blocks, blockCount } = blockOfInterval(localDayGrid(date, TZ), TZ, minutes);
  const lengths = new Array<number>(blockCount).fill(0);
  for (const block of blocks) {
    lengths[block] += 1;
  }
  return lengths;
}

describe('reserve product blocks', () => {
  it.each([
    ['a normal day, 4-hour blocks', '2024-06-17', 240, [16, 16, 16, 16, 16, 16]],
    ['spring DST: the 00-04 block has 3 hours', '2024-03-31', 240, [12, 16, 16, 16, 16, 16]],
    ['autumn DST: the 00-04 block has 5 hours', '2024-10-27', 240, [20, 16, 16, 16, 16, 16]],
    ['autumn DST, hourly blocks: 25 of them', '2024-10-27', 60, new Array(25).fill(4)],
  ])('%s', (_name, date, minutes, expected) => {
    expect(blockLengths(date as string, minutes as number)).toEqual(expected);
  });

  it('gives every quarter-hour its own block at 15 minutes, DST days included', () => {
    expect(blockLengths('2024-10-27', 15)).toEqual(new Array(100).fill(1));
    expect(blockLengths('2024-03-31', 15)).toEqual(new Array(92).fill(1));
  });
});
