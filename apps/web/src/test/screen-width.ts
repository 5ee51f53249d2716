/**
 * A screen `px` wide for `matchMedia` (jsdom has no layout): `(min-width: Nem)` queries match when
 * the width reaches them, 16 px to the em. `resetScreenWidth` restores jest.setup's narrow default.
 */
const original = window.matchMedia;

export function setScreenWidth(px: number): void {
  window.matchMedia = (query: string): MediaQueryList => {
    const min = /min-width:\s*([\d.]+)em/.exec(query);
    return {
      matches: min ? px >= Number(min[1]) * 16 : false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

export function resetScreenWidth(): void {
  window.matchMedia = original;
}
