import { describe, expect, it } from 'vitest';
import { errorText } from './error-text';
import { ApiError } from './session';

describe("the API's refusals in the user's language", () => {
  const refusal = new ApiError(400, 'invalid_parameter', 'Query parameter "agreement": unknown agreement "nope"', null);

  it('says a refusal by its code in Vietnamese or Chinese, keeping the detail it names', () => {
    expect(errorText(refusal, 'vi')).toBe('Tham số không hợp lệ — Query parameter "agreement": unknown agreement "nope"');
    expect(errorText(refusal, 'zh')).toMatch(/^参数无效 — Query parameter "agreement"/);
  });

  it('gives the message as it is in English, for an unknown code, or for an error that is not the API’s', () => {
    expect(errorText(refusal, 'en')).toBe('Query parameter "agreement": unknown agreement "nope"');
    expect(errorText(new ApiError(418, 'teapot', 'short and stout', null), 'vi')).toBe('short and stout');
    expect(errorText(new Error('network down'), 'zh')).toBe('network down');
  });
});
