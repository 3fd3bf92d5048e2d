import { TextInput } from '@mantine/core';
import { NewPassword, PASSWORD_MIN_LENGTH } from '@redress/core';
import type { FieldErrors } from '../lib/form-errors';

export type NewPasswordValues = { newPassword: string; confirmPassword: string };

/** Checks the new password against the shared policy and the confirmation before anything is sent. */
export const checkNewPassword = ({ newPassword, confirmPassword }: NewPasswordValues): FieldErrors => {
  const errors: Record<string, string> = {};
  const policy = NewPassword.safeParse(newPassword);
  if (!policy.success) errors.newPassword = policy.error.issues[0]?.message ?? 'Choose a different password';
  if (confirmPassword !== newPassword) errors.confirmPassword = 'The two passwords do not match';
  return errors;
};

type NewPasswordFieldsProps = {
  values: NewPasswordValues;
  onChange: (values: NewPasswordValues) => void;
  errors: FieldErrors;
};

export function NewPasswordFields({ values, onChange, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <TextInput
        label="New password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`}
        type="password"
        autoComplete="new-password"
        value={values.newPassword}
        onChange={(event) => onChange({ ...values, newPassword: event.currentTarget.value })}
        error={errors.newPassword}
      />
      <TextInput
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        value={values.confirmPassword}
        onChange={(event) => onChange({ ...values, confirmPassword: event.currentTarget.value })}
        error={errors.confirmPassword}
      />
    </>
  );
}
