export interface TocEntry {
  id: string;
  label: string;
}

export function OnThisPage({ entries }: { entries: readonly TocEntry[] }) {
  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc__title" aria-hidden="true">
        On this page
      </p>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>{e.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
