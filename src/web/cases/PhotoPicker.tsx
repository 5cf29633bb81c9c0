import { Button, Spin } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { uploadPhoto } from '../api/cases';
import { problemOf, type Problem } from '../api/problem';
import { useI18n } from '../i18n';

export interface PhotoState {
  /** ids of the photos uploaded */
  ids: string[];
  /** a photo is still on its way */
  busy: boolean;
}

interface Entry {
  key: number;
  url: string;
  name: string;
  id?: string;
}

interface Props {
  onChange: (state: PhotoState) => void;
  onProblem: (problem: Problem) => void;
  max?: number;
  testId: string;
}

let nextKey = 1;

/** 现场照片: the camera on phones (capture), a file picker elsewhere; each photo uploads at once and shows as a thumbnail. */
export function PhotoPicker({ onChange, onProblem, max = 9, testId }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const urls = useRef(new Set<string>());

  useEffect(() => {
    onChange({ ids: entries.flatMap((e) => (e.id ? [e.id] : [])), busy: entries.some((e) => !e.id) });
  }, [entries, onChange]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])].slice(0, Math.max(0, max - entries.length));
    event.target.value = '';
    for (const file of files) {
      const entry: Entry = { key: nextKey++, url: URL.createObjectURL(file), name: file.name };
      urls.current.add(entry.url);
      setEntries((list) => [...list, entry]);
      uploadPhoto(file)
        .then((up) => setEntries((list) => list.map((e) => (e.key === entry.key ? { ...e, id: up.id } : e))))
        .catch((error: unknown) => {
          setEntries((list) => list.filter((e) => e.key !== entry.key));
          onProblem(problemOf(error));
        });
    }
  };
  const remove = (entry: Entry) => {
    URL.revokeObjectURL(entry.url);
    urls.current.delete(entry.url);
    setEntries((list) => list.filter((e) => e.key !== entry.key));
  };

  return (
    <div data-testid={testId} data-count={entries.filter((e) => e.id).length}>
      <div className="case-photos">
        {entries.map((e, i) => (
          <div key={e.key} className="case-photo" data-testid={`${testId}-item`} data-uploaded={e.id ? 'true' : 'false'}>
            <img src={e.url} alt={e.name} />
            {!e.id && <Spin size="small" className="case-map-spin" />}
            <Button size="small" danger className="case-photo-remove" onClick={() => remove(e)} aria-label={t('cases.photos.remove')} data-testid={`${testId}-remove-${i}`}>
              ×
            </Button>
          </div>
        ))}
        {entries.length < max && (
          <Button className="case-photo" onClick={() => input.current?.click()} data-testid={`${testId}-add`}>
            {t('cases.photos.add')}
          </Button>
        )}
      </div>
      <input ref={input} type="file" accept="image/*" capture="environment" multiple className="case-photo-input" style={{ display: 'none' }} onChange={add} data-testid={`${testId}-input`} />
    </div>
  );
}
