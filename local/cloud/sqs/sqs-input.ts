import { invalidParameter, missingParameter } from './sqs-errors.js';

/** A request field that must be a string. */
export const requiredString = (input: Readonly<Record<string, unknown>>, name: string): string => {
  const value = input[name];
  if (value === undefined || value === null || value === '') throw missingParameter(name);
  if (typeof value !== 'string') throw invalidParameter(`${name} must be a string.`);
  return value;
};

/** A request field that may be left out, else must be a string. */
export const optionalString = (input: Readonly<Record<string, unknown>>, name: string): string | undefined =>
  input[name] === undefined || input[name] === null ? undefined : requiredString(input, name);

/** An integer field within SQS's bounds, or `fallback` when left out. */
export const integerIn = (
  input: Readonly<Record<string, unknown>>,
  name: string,
  bounds: { readonly min: number; readonly max: number },
  fallback: number,
): number => {
  const value = input[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw invalidParameter(`${name} must be an integer from ${bounds.min} to ${bounds.max}.`);
  }
  return value;
};

/** A list-of-strings field (e.g. `AttributeNames`), empty when left out. */
export const stringList = (input: Readonly<Record<string, unknown>>, name: string): readonly string[] => {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidParameter(`${name} must be a list of strings.`);
  }
  return value as string[];
};

/** The entries of a batch request: objects, as many as SQS's limit of ten allows. */
export const recordList = (
  input: Readonly<Record<string, unknown>>,
  name: string,
): readonly Readonly<Record<string, unknown>>[] => {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null)) {
    throw invalidParameter(`${name} must be a list of objects.`);
  }
  return value as Record<string, unknown>[];
};
