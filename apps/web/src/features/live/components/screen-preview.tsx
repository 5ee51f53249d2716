import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** The event screen itself, in a frame at 1920×1080 scaled down to the column's width. */
export function ScreenPreview({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { ref, width } = useElementSize();
  const scale = width ? width / 1920 : 0.25;
  return (
    <div ref={ref} style={{ width: '100%', height: 1080 * scale, overflow: 'hidden', borderRadius: 8 }}>
      <iframe
        title={t('live.preview')}
        src={`/screen/${encodeURIComponent(slug)}`}
        style={{ width: 1920, height: 1080, border: 0, transform: `scale(${scale})`, transformOrigin: '0 0' }}
        tabIndex={-1}
      />
    </div>
  );
}
