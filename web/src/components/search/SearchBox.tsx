import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 250;

/** A search input that reports its (trimmed) value 250 ms after the user stops typing, or at once on Enter. */
export function SearchBox({ id, value, onSearch, placeholder }: {
  id: string;
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  // The URL changed under us (back button, "Clear filters"): show it.
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const q = text.trim();
    if (q === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = q;
      onSearchRef.current(q);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <input
      id={id}
      type="search"
      className="input input--search"
      value={text}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      maxLength={200}
      onChange={(e) => {
        setText(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          const q = text.trim();
          if (q !== reported.current) {
            reported.current = q;
            onSearch(q);
          }
        }
      }}
    />
  );
}
