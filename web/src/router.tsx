import { Navigate, createBrowserRouter, useParams } from 'react-router';
import { Layout } from './components/layout/Layout.js';
import { HomePage } from './pages/HomePage.js';
import { NewPlanPage } from './pages/NewPlanPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { QuestionPage } from './pages/QuestionPage.js';
import { QuestionsPage } from './pages/QuestionsPage.js';
import { RoleGuidePage } from './pages/RoleGuidePage.js';
import { RouteError } from './pages/RouteError.js';
import { SavedPage } from './pages/SavedPage.js';

/** /questions/:role on its own has no page of its own: the guide lists that role's questions. */
function RoleQuestionsRedirect() {
  const { role = '' } = useParams();
  return <Navigate to={`/roles/${encodeURIComponent(role)}#questions`} replace />;
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'roles/:role', element: <RoleGuidePage /> },
      { path: 'questions', element: <QuestionsPage /> },
      { path: 'questions/:role', element: <RoleQuestionsRedirect /> },
      { path: 'questions/:role/:slug', element: <QuestionPage /> },
      { path: 'saved', element: <SavedPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/new', element: <NewPlanPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
