/**
 * Errors that cross the API boundary. The core throws an AppError with a code
 * and parameters; every shell renders the message from the i18n catalogs in
 * the user's language, so the same failure reads the same in the UI and the CLI.
 */
import { en } from '../i18n/en';

export type ErrorCode = keyof typeof en.errors;
export type ErrorParams = Record<string, string | number>;

export interface ErrorPayload {
  code: ErrorCode;
  params: ErrorParams;
  /** English rendering, for logs and clients that do not translate. */
  message: string;
}

/** Replace `{{name}}` placeholders (the same syntax i18next uses). */
export function interpolate(template: string, params: ErrorParams): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in params ? String(params[key]) : `{{${key}}}`));
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(interpolate(en.errors[code], params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, params: this.params, message: this.message };
  }
}
