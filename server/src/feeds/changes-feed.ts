import { Feed } from 'feed';
import type { ApiFeature } from '../domain/api';
import type { StatusEvent } from '../domain/schemas';
import { LEVEL_BY_ID, STATUS_BY_ID } from '../domain/vocabulary';
import { shownRecorder } from '../features/feature-service';
import { escapeHtml } from '../http/escape-html';
import type { StepRecord } from '../record/repository';

/** One step of a feature as the feed tells it: what, on which clause, and when the record learnt it. */
export type FeedStep = { feature: ApiFeature; step: StatusEvent; recorded: StepRecord };

/**
 * When the record learnt a step: when an editor recorded it (or imported it), else — a step of the curated
 * record — the date of the document it is read from. A feed reader orders and notices entries by it.
 */
export const learntAt = ({ step, recorded }: Pick<FeedStep, 'step' | 'recorded'>) => recorded.recordedAt ?? `${step.date}T00:00:00.000Z`;

/**
 * The record's steps as an Atom 1.0 feed (RFC 4287, written by the `feed` library): newest first, each entry
 * a step — its feature and status in Vietnamese with English beside it, the clause's words, a link that opens
 * the map on the feature as of the step's date. Entry ids are stable (feature, date, clause, status, level),
 * so a reader never shows a step twice.
 */
export function changesFeed(
  steps: readonly FeedStep[],
  { origin, self, editor }: { origin: string; self: string; editor: boolean },
): string {
  const newest = steps[0] ? new Date(learntAt(steps[0])) : new Date(0);
  const feed = new Feed({
    title: 'Bản đồ hợp tác biên giới phía Bắc — diễn biến / Northern border cooperation atlas — changes',
    description: 'Các bước trạng thái được ghi nhận, mới nhất trước / Status steps as recorded, newest first',
    id: `${origin}/api/changes.atom`,
    link: `${origin}/`,
    language: 'vi',
    updated: newest,
    feedLinks: { atom: self },
    copyright: 'Border Atlas',
  });
  // A clause can carry the same step twice, or several subjects' steps alike: the subject, then the n-th time, keep ids apart.
  const seen = new Map<string, number>();
  for (const { feature, step, recorded } of steps) {
    const base = `${origin}/steps/${encodeURIComponent(feature.id)}/${step.date}/${encodeURIComponent(step.clauseId)}/${step.status}/${step.level ?? 'none'}${step.subject ? `/${encodeURIComponent(step.subject.en)}` : ''}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const status = STATUS_BY_ID[step.status].label;
    const level = step.level ? LEVEL_BY_ID[step.level].label : null;
    const subject = step.subject ? ` (${step.subject.vi})` : '';
    const title = `${feature.properties.name.vi}${subject}: ${status.vi}${level ? ` · ${level.vi}` : ''} — ${step.clauseId}`;
    const english = `${feature.properties.name.en}: ${status.en}${level ? ` · ${level.en}` : ''}`;
    const link = `${origin}/?feature=${encodeURIComponent(feature.id)}&asOf=${step.date}`;
    const who = recorded.recordedBy ? shownRecorder(recorded.recordedBy, editor) : 'geodata/record';
    feed.addItem({
      title,
      id: count > 1 ? `${base}/${count}` : base,
      link,
      date: new Date(learntAt({ step, recorded })),
      published: new Date(`${step.date}T00:00:00.000Z`),
      description: `${english} · ${step.date} · “${step.quote}”`,
      content: `<p>${escapeHtml(english)} · ${step.date}</p><blockquote lang="vi">“${escapeHtml(step.quote)}”</blockquote><p>${escapeHtml(step.clauseId)}${step.target ? ` · hạn / by ${escapeHtml(step.target.by)}` : ''}</p>`,
      author: [{ name: who }],
      category: [{ name: step.status, term: step.status }],
    });
  }
  return feed.atom1();
}
