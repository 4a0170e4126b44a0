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

  it('says of a change the store could not confirm that it may be stored, and of a read only to try again', () => {
    const whileSaving = new ApiError(503, 'store_unavailable', 'could not be reached while saving: the change may have been stored', {
      error: {
        code: 'store_unavailable',
        message: 'could not be reached while saving: the change may have been stored',
        mayBeStored: true,
      },
    });
    expect(errorText(whileSaving, 'vi')).toMatch(/^Mất kết nối cơ sở dữ liệu khi đang lưu: thay đổi có thể đã được lưu\. .*kiểm tra/);
    expect(errorText(whileSaving, 'zh')).toMatch(/^保存时数据库连接中断：更改可能已经保存/);
    const reading = new ApiError(503, 'store_unavailable', 'cannot be reached just now: try again in 5 seconds', {
      error: { code: 'store_unavailable', message: 'cannot be reached just now: try again in 5 seconds' },
    });
    expect(errorText(reading, 'vi')).toMatch(/^Tạm thời không kết nối được cơ sở dữ liệu: thử lại sau giây lát — /);
  });
});
