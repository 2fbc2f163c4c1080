/**
 * Which network the chapter runs: the variants of the ResNet paper's Table 1, each labelled
 * "trained, N % held-out" or "untrained", or the person's own weights, chosen or dropped as files.
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHITECTURES, type ArchId, type ArchSpec } from '../../model';
import { useTrainingLabel } from './useTrainingLabel';
import type { UserWeights } from './useUserWeights';
import './network.css';

/** Every file under a dropped folder (or the dropped files themselves). */
async function droppedFiles(e: DragEvent): Promise<File[]> {
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter((x) => x);
  if (entries.length === 0) return [...e.dataTransfer.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      out.push(await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      for (const c of children) await walk(c);
    }
  };
  for (const entry of entries) await walk(entry as FileSystemEntry);
  return out;
}

export function NetworkChooser({
  arch,
  yours,
  choose,
}: {
  arch: ArchSpec;
  yours: UserWeights;
  choose: (id: ArchId) => void;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const trainingLabel = useTrainingLabel();
  const label = (a: ArchSpec) => `${a.name} — ${trainingLabel(a.id)}`;
  return (
    <div className="network-chooser">
      <label>
        {t('network.choose')}{' '}
        <select
          value={yours.active ? '' : arch.id}
          onChange={(e) => {
            yours.forget();
            choose(e.target.value as ArchId);
          }}
        >
          {yours.active && <option value="">{`${arch.name} — ${t('network.yours')}`}</option>}
          {ARCHITECTURES.map((a) => (
            <option key={a.id} value={a.id}>
              {label(a)}
            </option>
          ))}
        </select>
      </label>
      {/* one line until needed: dragging files over it, or a click, opens the drop zone */}
      <details
        className={`weights-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.currentTarget.open = true;
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void droppedFiles(e).then((files) => yours.load(files));
        }}
      >
        <summary>{t('network.yoursSummary')}</summary>
        <span>{t('network.yoursDrop')}</span>{' '}
        <label className="file-button">
          {t('network.yoursFiles')}
          <input
            type="file"
            multiple
            accept=".json,.bin"
            aria-label={t('network.yoursFiles')}
            onChange={(e) => {
              if (e.target.files?.length) yours.load([...e.target.files]);
              e.target.value = '';
            }}
          />
        </label>{' '}
        <label className="file-button">
          {t('network.yoursFolder')}
          <input
            type="file"
            aria-label={t('network.yoursFolder')}
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => {
              if (e.target.files?.length) yours.load([...e.target.files]);
              e.target.value = '';
            }}
          />
        </label>
        {yours.active && (
          <button type="button" onClick={yours.forget}>
            {t('network.yoursForget')}
          </button>
        )}
      </details>
      {yours.loading && <p className="notice">{t('network.yoursLoading')}</p>}
      {yours.error && (
        <p role="alert" className="notice error">
          {t('network.yoursBad', { message: yours.error })}
        </p>
      )}
    </div>
  );
}
