import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown if rendering throws: a calm message instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${String(error.status)} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'An unexpected error occurred.';
  return (
    <main id="main" className="container site-main">
      <div className="page-state">
        <h1>Something went wrong</h1>
        <div className="status status--error" role="alert">
          <p className="status__message">{message}</p>
        </div>
        <p>
          <Link to="/">Go to the home page</Link> or reload the page.
        </p>
      </div>
    </main>
  );
}
