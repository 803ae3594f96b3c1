import type { ReserveFlow } from '../engine/assetFlows';

/** Reserve columns of the workflow, in table order, with their table names. */
export const RESERVE_COLUMNS: readonly (readonly [ReserveFlow, string])[] = [
  ['fcrMw', 'fcr_reserved_mw'],
  ['afrrUpMw', 'afrr_up_reserved_mw'],
  ['afrrDownMw', 'afrr_down_reserved_mw'],
  ['afrrUpDeliveredMwh', 'afrr_up_activated_mwh'],
  ['afrrDownDeliveredMwh', 'afrr_down_activated_mwh'],
];

/**
 * `blocks` back to back: the buffer itself when they are its consecutive views (the layout
 * of settlement columns and gathered flows), else a copy.
 */
export function joined(blocks: readonly Float64Array[]): Float64Array {
  const total = blocks.reduce((sum, block) => sum + block.length, 0);
  const first = blocks[0];
  let offset = first?.byteOffset ?? 0;
  const adjacent =
    first !== undefined &&
    blocks.every((block) => {
      const ok = block.buffer === first.buffer && block.byteOffset === offset;
      offset += block.byteLength;
      return ok;
    });
  if (adjacent) {
    return new Float64Array(first.buffer, first.byteOffset, total);
  }
  const out = new Float64Array(total);
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}
