export * from './types';
export * from './values';
export type { InputProblem } from './input-problem';
export { checkRecord, checkValue, firstProblem, MAX_LINE } from './checks';
export type { FieldRule } from './checks';
export { companyFields, companyFromItem, itemProblem, personFields, personFromItem } from './item';
export type { CompanyInput, Found, PersonInput } from './item';
