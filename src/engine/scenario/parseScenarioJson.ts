import { SCENARIO_LIMITS } from './limits';
import { validateScenario, type ValidateOptions, type ValidationResult } from './validateScenario';

/**
 * Scenario JSON text (a file, a paste, a decoded link) → validated scenario. Refuses oversize text before
 * parsing it, reports JSON syntax errors with their position, then validates. Never throws.
 */
export function parseScenarioJson(text: unknown, options: ValidateOptions = {}): ValidationResult {
  const fail = (message: string): ValidationResult => ({ ok: false, status: { code: 'INVALID_INPUT', field: 'json', message: `json: ${message}` } });
  if (typeof text !== 'string') return fail(`expected JSON text, got ${text === null ? 'null' : typeof text}.`);
  if (text.length > SCENARIO_LIMITS.maxJsonChars) {
    return fail(`the document is ${text.length} characters long; at most ${SCENARIO_LIMITS.maxJsonChars} are accepted. Use a regimen string instead of a long dose list.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark from some editors
  if (body.trim() === '') return fail('the document is empty; a scenario is a JSON object such as {"version": 1, …}.');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : 'syntax error';
    return fail(`not valid JSON (${detail.slice(0, 200)}).`);
  }
  return validateScenario(doc, options);
}
