'use client';
// The theme chosen in the playground, applied on a page that has no theme control of its own.
import { useApplyTheme } from './use-theme';

export function ThemeClass() {
  useApplyTheme();
  return null;
}
