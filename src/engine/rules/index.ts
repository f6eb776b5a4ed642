/** 扣分因素: rule texts read into data (parseRules) and applied to counts (applyRules). */
export { parseRules, type ParseContext } from './parseRules';
export { applyRules, type AppliedRule, type RecordError, type RuleRecord, type RulesOutcome, type RulesScore } from './applyRules';
export { RULE_EFFECTS, type NoteReason, type ParsedRules, type Rule, type RuleEffect, type RuleKind, type RuleNote, type UnparsedClause, type UnparsedReason } from './rule';
export { ruleMessage, type RecordErrorCode } from './messages';
export { parsePoints } from './vocabulary';
