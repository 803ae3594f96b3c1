import { float64Array, float64Copy } from './typedSlab';

describe('typed arrays from the slab', () => {
  it('hands out zero-filled views that do not overlap', () => {
    const a = float64Array(96);
    const b = float64Array(97);
    expect(a.length).toBe(96);
    expect(b.length).toBe(97);
    expect(a.every((v) => v === 0) && b.every((v) => v === 0)).toBe(true);
    a.fill(1);
    b.fill(2);
    expect(a.every((v) => v === 1)).toBe(true);
    expect(b.every((v) => v === 2)).toBe(true);
    // Short arrays share a chunk, one after the other.
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + a.byteLength);
  });

  it('starts a new chunk when the current one is full, never reusing memory', () => {
    const views = Array.from({ length: 200 }, (_, i) => {
      const view = float64Array(97);
      view.fill(i);
      return view;
    });
    expect(new Set(views.map((view) => view.buffer)).size).toBeGreaterThan(1);
    views.forEach((view, i) => expect(view.every((v) => v === i)).toBe(true));
  });

  it('gives long arrays a buffer of their own', () => {
    const long = float64Array(5000);
    expect(long.byteOffset).toBe(0);
    expect(long.buffer.byteLength).toBe(5000 * 8);
  });

  it('copies an array into a view of its own', () => {
    const source = Float64Array.from([1, 2, 3, 4, 5]);
    const copy = float64Copy(source);
    expect(Array.from(copy)).toEqual([1, 2, 3, 4, 5]);
    copy[0] = 9;
    expect(source[0]).toBe(1);
  });
});
