import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <div className="page-state">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
      </p>
      <ul className="link-list">
        <li>
          <Link to="/">See the role guides</Link>
        </li>
        <li>
          <Link to="/questions">Search all questions</Link>
        </li>
        <li>
          <Link to="/saved">Your saved questions</Link>
        </li>
      </ul>
    </div>
  );
}
