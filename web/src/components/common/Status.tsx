import type { ReactNode } from 'react';

export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

export function ErrorMessage({ error, title = 'Something went wrong', onRetry, children }: {
  error: Error;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="status status--error" role="alert">
      <p className="status__title">{title}</p>
      <p className="status__message">{error.message}</p>
      {(onRetry ?? children) && (
        <div className="status__actions">
          {onRetry && (
            <button type="button" className="button button--small" onClick={onRetry}>
              Try again
            </button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
