import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A list whose items glide to their new place when the order changes (FLIP: measure the old
 * positions, render, then animate each moved item from its old position to the new one with a
 * CSS transform). Only the positions of the items on screen are kept, so memory stays flat.
 */
export function AnimatedRows<T>({
  items,
  keyOf,
  render,
  className,
  durationMs = 700,
}: {
  items: T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  className?: string;
  durationMs?: number;
}) {
  const nodes = useRef(new Map<string, HTMLElement>());
  const tops = useRef(new Map<string, number>());

  useLayoutEffect(() => {
    const next = new Map<string, number>();
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    for (const [key, el] of nodes.current) {
      const top = el.offsetTop;
      next.set(key, top);
      const before = tops.current.get(key);
      if (before === undefined || before === top || reduce) continue;
      el.style.transition = 'none';
      el.style.transform = `translateY(${before - top}px)`;
      // Force the start position to be laid out before the transition back to the new one.
      void el.offsetHeight;
      el.style.transition = `transform ${durationMs}ms cubic-bezier(0.2, 0.7, 0.2, 1)`;
      el.style.transform = '';
    }
    tops.current = next;
  });

  return (
    <ol className={className}>
      {items.map((item) => {
        const key = keyOf(item);
        return (
          <li
            key={key}
            ref={(el) => {
              if (el) nodes.current.set(key, el);
              else nodes.current.delete(key);
            }}
          >
            {render(item)}
          </li>
        );
      })}
    </ol>
  );
}
