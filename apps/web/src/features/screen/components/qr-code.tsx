import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `url` as an SVG image (drawn in the browser, no request). */
export function QrCode({ url, label, size }: { url: string; label: string; size: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(url, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    })
      .then((svg) => {
        if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => setSrc(null));
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (!src) return null;
  return <img src={src} alt={label} style={{ width: size, height: size }} className="screen-qr-img" />;
}
