import { localize, type Criterion, type CriterionLevel } from '@ca/shared';
import { NumberInput, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n';
import { formatScale } from '../scoring';

/** The scales shown as one button per value: whole numbers, at most 21 of them (0–20, 1–10…). */
export const isButtonScale = (c: Pick<Criterion, 'min' | 'max'>) =>
  Number.isInteger(c.min) && Number.isInteger(c.max) && c.max - c.min <= 20;

export const levelOf = (levels: readonly CriterionLevel[], value: number | undefined) =>
  value === undefined ? undefined : levels.find((l) => value >= l.from && value <= l.to);

/**
 * One criterion of the sheet: its name, description and scale as the legend; its level
 * descriptions beside the control, in the reader's language (the level of the chosen value
 * stands out, and each value's button is described by its level); a value button per point of
 * a whole-number scale (native radios: arrow keys move between them, large targets for a phone in
 * a noisy hall), or a number field for other scales.
 */
export function CriterionControl({
  criterion,
  value,
  onChange,
  disabled,
  error,
}: {
  criterion: Criterion;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const levels = [...criterion.levels].sort((a, b) => a.from - b.from);
  // Both languages travel with the criterion: the reader's one, also after a switch while offline.
  const name = localize(criterion.nameI18n, language) || criterion.name;
  const description = localize(criterion.descriptionI18n, language) || criterion.description;
  const chosen = levelOf(levels, value);
  const levelId = (i: number) => `${id}-level-${i}`;
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const values = isButtonScale(criterion)
    ? Array.from({ length: criterion.max - criterion.min + 1 }, (_, i) => criterion.min + i)
    : null;
  // A phone row takes 5 or 6 buttons; wide screens put a short scale on one row.
  const perRow = values ? (values.length <= 6 ? values.length : Math.ceil(values.length / 2)) : 0;

  return (
    <fieldset
      className="criterion"
      data-testid="criterion"
      data-criterion-id={criterion.id}
      aria-invalid={error ? true : undefined}
      aria-describedby={
        [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
      }
      disabled={disabled}
    >
      <legend className="criterion-legend">
        <span className="criterion-name">{name}</span>{' '}
        <span className="criterion-scale">
          {t('judging.sheet.scale', { min: formatScale(criterion.min), max: formatScale(criterion.max) })}
          {criterion.weight !== 1 && ` · ${t('judging.sheet.weight', { weight: criterion.weight })}`}
        </span>
      </legend>
      {description && (
        <Text size="sm" c="dimmed" id={descriptionId} mb="xs">
          {description}
        </Text>
      )}
      <div className="criterion-body">
        {values ? (
          <div
            className="scale-options"
            style={{ ['--scale-per-row' as string]: perRow, ['--scale-count' as string]: values.length }}
          >
            {values.map((v) => {
              const level = levels.findIndex((l) => v >= l.from && v <= l.to);
              return (
                <label key={v} className="scale-option" data-testid={`value-${v}`}>
                  <input
                    type="radio"
                    name={`criterion-${criterion.id}`}
                    value={v}
                    checked={value === v}
                    onChange={() => onChange(v)}
                    aria-describedby={level >= 0 ? levelId(level) : undefined}
                  />
                  <span>{formatScale(v)}</span>
                </label>
              );
            })}
          </div>
        ) : (
          <NumberInput
            label={t('judging.sheet.valueLabel', { name })}
            min={criterion.min}
            max={criterion.max}
            value={value ?? ''}
            onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(v))}
            size="lg"
            allowDecimal
            clampBehavior="strict"
            data-testid="value-input"
          />
        )}
        {levels.length > 0 && (
          <ul className="criterion-levels plain-list" aria-label={t('judging.sheet.levels', { name })}>
            {levels.map((l, i) => (
              <li
                key={`${l.from}-${l.to}`}
                id={levelId(i)}
                className="criterion-level"
                data-active={chosen === l ? 'true' : undefined}
                data-testid="criterion-level"
              >
                <span className="criterion-level-range">
                  {l.from === l.to ? formatScale(l.from) : `${formatScale(l.from)}–${formatScale(l.to)}`}
                </span>{' '}
                <span>{localize(l.descriptionI18n, language) || l.description}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <Text size="sm" c="red.9" id={errorId} mt={4} role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
