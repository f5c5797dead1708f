import type { HubAnswer, HubOperation, OperationBuilder } from './hub-operation.ts';
import { inputProblemMessage } from './input-problem-codes.ts';

interface InputProblem {
  field: string;
  problem: string;
  message: string;
}

/** `members[1].idNumber` as react-hook-form names it: `members.1.idNumber`. */
export const formPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/**
 * The hub's `BAD_USER_INPUT INVALID_INPUT` (every problem of an input, `extensions.fields`) as react-admin's
 * server-side validation errors: each problem shown under its own input, as the translation key of its code (the first,
 * where an input has several). `rename` maps an input's field to the
 * form's (an amount in fen is typed in yuan). The operation must be sent with `errorPolicy: 'all'`.
 */
export function fieldProblemsOf(answer: HubAnswer, rename: (path: string) => string = (path) => path) {
  const invalid = answer.errors?.find((error) => error.extensions?.code === 'BAD_USER_INPUT');
  const problems = invalid?.extensions?.fields as InputProblem[] | undefined;
  if (!invalid || !problems?.length) return null;
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const path = rename(formPath(problem.field));
    errors[path] ??= inputProblemMessage(problem.problem);
  }
  return Object.assign(new Error(invalid.message), { errors, problems });
}

/** An operation whose bad input comes back as errors per form field, not one message. */
export function withFieldProblems(build: OperationBuilder, rename?: (path: string) => string): OperationBuilder {
  return (params): HubOperation => {
    const operation = build(params);
    return {
      ...operation,
      parseResponse(answer) {
        const problems = fieldProblemsOf(answer, rename);
        if (problems) throw problems;
        return operation.parseResponse(answer);
      },
    };
  };
}

/** Resources whose mutations are read with `errorPolicy: 'all'`, so that their field problems reach the form. */
export const FIELD_CHECKED_RESOURCES = new Set(['VerificationRequest', 'Household']);
