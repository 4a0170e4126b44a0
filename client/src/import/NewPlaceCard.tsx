import { NEW_PLACE_KINDS, NEW_PLACE_PRECISIONS } from '@domain/request-bodies';
import type { Province } from '@domain/schemas';
import { KIND_BY_ID, KINDS, PRECISION_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { nameIn, text as t } from '../i18n/ui-text';
import type { NewPlace } from './import-draft';
import type { ReviewAction } from './review-state';
import { StepFields } from './StepFields';

const PLACE_KINDS = KINDS.filter((kind) => (NEW_PLACE_KINDS as readonly string[]).includes(kind.id));

type Props = {
  place: NewPlace;
  provinces: readonly Province[];
  active: boolean;
  picking: boolean;
  error?: string;
  language: Language;
  dispatch: (action: ReviewAction) => void;
  /** Asks the map for this place's position. */
  onPick: () => void;
};

/** A place the record lacks: its names, kind, province and precision, a position clicked on the map, and its step. */
export function NewPlaceCard({ place, provinces, active, picking, error, language, dispatch, onPick }: Props) {
  const update = (change: Partial<NewPlace>) => dispatch({ type: 'updatePlace', ref: place.ref, change });
  return (
    <article
      className={`suggestion new-place accept${active ? ' active' : ''}`}
      data-card={place.ref}
      data-place-ref={place.ref}
      aria-label={place.nameVi || t('newPlaceCard', language)}
      tabIndex={active ? 0 : -1}
      onFocus={() => {
        if (!active) dispatch({ type: 'focus', key: place.ref });
      }}
    >
      <p className="muted">{t('newPlaceCard', language)}</p>
      <div className="field-row">
        <input
          aria-label={t('placeName', language)}
          name="placeName"
          lang="vi"
          placeholder={t('placeName', language)}
          value={place.nameVi}
          onChange={(e) => update({ nameVi: e.target.value })}
        />
        <input
          aria-label={t('placeNameZh', language)}
          name="placeNameZh"
          lang="zh-CN"
          placeholder={t('placeNameZh', language)}
          value={place.nameZh}
          onChange={(e) => update({ nameZh: e.target.value })}
        />
      </div>
      <div className="field-row">
        <select aria-label={t('kind', language)} name="placeKind" value={place.kind} onChange={(e) => update({ kind: e.target.value })}>
          {PLACE_KINDS.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {KIND_BY_ID[kind.id].label[language]}
            </option>
          ))}
        </select>
        <select
          aria-label={t('province', language)}
          name="placeProvince"
          value={place.province}
          onChange={(e) => update({ province: e.target.value })}
        >
          <option value="">{t('province', language)}…</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {nameIn(province.name, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <select
          aria-label={t('precision', language)}
          name="placePrecision"
          value={place.precision}
          onChange={(e) => update({ precision: e.target.value as NewPlace['precision'] })}
        >
          {NEW_PLACE_PRECISIONS.map((id) => (
            <option key={id} value={id}>
              {PRECISION_BY_ID[id].label[language]}
            </option>
          ))}
        </select>
        <button type="button" className="pick" aria-pressed={picking} onClick={onPick}>
          {picking ? t('picking', language) : t('pickOnMap', language)}
        </button>
      </div>
      <p className="muted coordinates">
        {place.coordinates
          ? `${place.coordinates[1].toFixed(4)}° N, ${place.coordinates[0].toFixed(4)}° E`
          : t('positionMissing', language)}{' '}
        · {t('clickedEstimate', language)}
      </p>
      <StepFields
        names={{ status: 'placeStatus', level: 'placeLevel', quote: 'placeQuote' }}
        value={place}
        onChange={update}
        language={language}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="link" onClick={() => dispatch({ type: 'removePlace', ref: place.ref })}>
        {t('remove', language)}
      </button>
    </article>
  );
}
