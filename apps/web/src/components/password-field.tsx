import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from '@mantine/hooks';

/**
 * Mantine's PasswordInput, with its error and description tied to the input: unlike the other
 * inputs it sets neither `aria-invalid` nor `aria-describedby`, so a screen reader would not
 * announce what is wrong (WCAG 3.3.1). The ids follow Mantine's wrapper (`<id>-error`).
 */
export function PasswordField(props: PasswordInputProps) {
  const id = useId(props.id);
  const describedBy = [props.error ? `${id}-error` : '', props.description ? `${id}-description` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <PasswordInput
      {...props}
      id={id}
      aria-invalid={!!props.error}
      aria-describedby={describedBy || undefined}
    />
  );
}
