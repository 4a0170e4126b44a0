import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { commitmentsOf, isStalled } from './commitments';
import type { StatusEvent } from './schemas';

const record = loadRealRecord();
const eventsOf = (id: string) => record.events.filter((event) => event.featureId === id);

describe('commitments', () => {
  it('flags Lũng Làn – Lộng Bình as stalled: "promote the official opening" in 2023 and again in 2026', () => {
    const [opening] = commitmentsOf(eventsOf('lung-lan'));
    expect(opening.firstMade.date).toBe('2023-02-22');
    expect(opening.stalled).toMatchObject({ since: { date: '2023-02-22' }, restated: { date: '2026-02-11' } });
    expect(opening.stalled?.days).toBeGreaterThan(730);
  });

  it('is not stalled before the restatement', () => {
    expect(isStalled(eventsOf('lung-lan'), '2025-12-31')).toBe(false);
  });

  it('counts the Tân Thanh – Pò Chài road as achieved, not stalled', () => {
    const commitments = commitmentsOf(eventsOf('tan-thanh-po-chai'));
    expect(commitments.some((c) => c.achieved?.clauseId === '003:6.a')).toBe(true);
    expect(commitments.every((c) => c.stalled === null)).toBe(true);
  });

  it('keeps the Chi Ma upgrade apart from its existing bilateral operation, stalled unless its 2026 step says what moved', () => {
    const [upgrade, ...others] = commitmentsOf(eventsOf('chi-ma'));
    expect([upgrade.key, ...others.map((c) => c.key)]).toEqual(['level:international']);
    expect(upgrade.events.map((event) => event.clauseId)).toEqual(['004:3.4', '003:6.c']);
    // Both steps are "proposed": without `progress` on 003:6.c the record reads a restatement (audit B-D9).
    const moved = upgrade.progressed.some((event) => event.clauseId === '003:6.c');
    expect(upgrade.stalled === null).toBe(moved);
    if (!moved) expect(upgrade.stalled?.restated.clauseId).toBe('003:6.c');
  });

  it('does not call a promise stalled when it moved on', () => {
    // Bản Giốc: under construction (2022) → operating (2026).
    expect(isStalled(eventsOf('ban-gioc-detian-area'))).toBe(false);
  });
});

const step = (date: string, clauseId: string, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  featureId: 'gate',
  date,
  status: 'proposed',
  level: 'international',
  evidence: 'stated',
  agreementId: clauseId.split(':')[0],
  clauseId,
  quote: 'words',
  ...extra,
});
// Chi Ma – Ái Điểm's upgrade (audit B-D9): the words the record gives its 2026 step.
const movedUp: NonNullable<StatusEvent['progress']> = {
  moves: ['addressee', 'deadline', 'scope'],
  text: {
    vi: 'Nơi nhận kiến nghị: từ phiên họp lần thứ 8 Ủy ban hợp tác cửa khẩu biên giới trên đất liền Việt Nam – Trung Quốc (2023) lên Chính phủ hai nước, để phê chuẩn. Thời hạn: nay nêu năm 2026 (năm 2023 không nêu). Phạm vi: nay bao gồm cả lối thông quan Co Sa – Nà Ủ.',
    en: "Addressee: from the 8th session of the Viet Nam – China Land Border Gate Cooperation Committee (2023) up to the two countries' Governments, for approval. Deadline: the year 2026 is now given (none in 2023). Scope: now also covers the Co Sa – Na U clearance channel.",
    zh: '建议对象：由越南—中国陆地边境口岸合作委员会第8次会议（2023年）升至两国政府，报请批准。时限：现写明2026年内（2023年未提）。范围：现将Co Sa – Nà Ủ通道一并纳入。',
  },
};

describe('progress: a step that says what moved is not a restatement', () => {
  const proposed = step('2023-02-22', '004:3.4');
  const restated = step('2026-02-11', '003:6.c');
  const moved = step('2026-02-11', '003:6.c', { progress: movedUp });

  it('calls a promise restated three years later at the same stage, with nothing moved, stalled', () => {
    const [commitment] = commitmentsOf([proposed, restated]);
    expect(commitment.stalled).toEqual({ since: proposed, restated, days: 1085 });
    expect(commitment.progressed).toEqual([]);
    expect(isStalled([proposed, restated])).toBe(true);
  });

  it('does not call it stalled when the later step carries progress, and lists that step as progress', () => {
    const [commitment] = commitmentsOf([proposed, moved]);
    expect(commitment.stalled).toBeNull();
    expect(commitment.progressed).toEqual([moved]);
    expect(commitment.events).toEqual([proposed, moved]);
    expect(isStalled([proposed, moved])).toBe(false);
  });

  it('restarts the clock at the progress: restated more than two years after it, the promise is stalled again, since it', () => {
    const again = step('2028-06-01', '009:1');
    expect(commitmentsOf([proposed, moved, again])[0].stalled).toEqual({ since: moved, restated: again, days: 841 });
    // Within two years of the progress it is not.
    expect(isStalled([proposed, moved, step('2027-12-01', '008:1')])).toBe(false);
  });

  it('does not erase an earlier stalled period: as of a date before the progress, the promise was stalled', () => {
    const restatedEarlier = step('2025-06-01', '005:2');
    const events = [proposed, restatedEarlier, moved];
    expect(commitmentsOf(events, '2025-12-31')[0]).toMatchObject({
      stalled: { since: proposed, restated: restatedEarlier },
      progressed: [],
    });
    expect(isStalled(events, '2025-12-31')).toBe(true);
    expect(isStalled(events, '2026-02-11')).toBe(false);
  });

  it('counts the progress from the stage reached: a later step at a higher stage still starts the clock', () => {
    // Progress at "proposed", then agreed, then agreed restated 3 years on: stalled since the agreement.
    const agreed = step('2027-01-10', '007:1', { status: 'agreed' });
    const agreedAgain = step('2030-03-01', '010:1', { status: 'agreed' });
    expect(commitmentsOf([proposed, moved, agreed, agreedAgain])[0].stalled).toMatchObject({ since: agreed, restated: agreedAgain });
  });
});

describe('stalled: a promise not yet kept, restated more than two years on', () => {
  it('is not stalled when restated two years (730 days) after, and is a day later', () => {
    const first = step('2023-01-01', '001:1');
    expect(isStalled([first, step('2024-12-31', '002:1')])).toBe(false);
    expect(commitmentsOf([first, step('2025-01-01', '002:1')])[0].stalled?.days).toBe(731);
  });

  it('never calls a kept promise stalled, however long after it is reported operating again', () => {
    const opened = step('2020-05-01', '001:1', { status: 'operating', level: 'bilateral' });
    const stillOpen = step('2024-05-01', '002:1', { status: 'operating', level: 'bilateral' });
    expect(commitmentsOf([opened, stillOpen])).toMatchObject([{ achieved: opened, stalled: null }]);
    expect(isStalled([opened, stillOpen])).toBe(false);
  });

  it('calls a feature stalled when one of its promises is, beside one kept', () => {
    const opened = step('2020-05-01', '001:1', { status: 'operating', level: 'bilateral' });
    const upgrade = [step('2023-02-22', '004:3.4'), step('2026-02-11', '003:6.c')];
    expect(commitmentsOf([opened, ...upgrade]).map((c) => c.stalled !== null)).toEqual([false, true]);
    expect(isStalled([opened, ...upgrade])).toBe(true);
  });
});
