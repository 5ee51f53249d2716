import { useEffect, useState } from 'react';

/**
 * Server time in ms, ticking once per server second: the device clock plus the offset measured
 * against the API. Ticks are aligned to the server's whole seconds so that a countdown never
 * skips or repeats a second.
 */
export function useServerNow(clockOffsetMs: number): number {
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const serverNow = Date.now() + clockOffsetMs;
      timer = setTimeout(
        () => {
          setDeviceNow(Date.now());
          schedule();
        },
        1000 - (((serverNow % 1000) + 1000) % 1000) + 5,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [clockOffsetMs]);
  return deviceNow + clockOffsetMs;
}
