import { Suspense, lazy, type ComponentType } from 'react';
import { Navigate, createBrowserRouter, useParams } from 'react-router';
import { Loading } from './components/common/Status.js';
import { Layout } from './components/layout/Layout.js';
import { HomePage } from './pages/HomePage.js';
import { NewPlanPage } from './pages/NewPlanPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OrganizationPage } from './pages/OrganizationPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { QuestionPage } from './pages/QuestionPage.js';
import { QuestionsPage } from './pages/QuestionsPage.js';
import { RoleGuidePage } from './pages/RoleGuidePage.js';
import { RouteError } from './pages/RouteError.js';
import { SavedPage } from './pages/SavedPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { SignUpPage } from './pages/SignUpPage.js';

/**
 * A page loaded on its first visit rather than with the app: practice (feedback, timer) and progress (the charting
 * library) are code-split so the guides and question bank stay quick to open.
 */
function lazyPage(load: () => Promise<ComponentType>, loading: string) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading>{loading}</Loading>}>
        <Page />
      </Suspense>
    );
  };
}

const PracticePage = lazyPage(async () => (await import('./pages/PracticePage.js')).PracticePage, 'Loading practice…');
const PracticeSessionPage = lazyPage(async () => (await import('./pages/PracticeSessionPage.js')).PracticeSessionPage, 'Loading the session…');
const PracticeQuestionPage = lazyPage(async () => (await import('./pages/PracticeQuestionPage.js')).PracticeQuestionPage, 'Loading the question…');
const AttemptPage = lazyPage(async () => (await import('./pages/AttemptPage.js')).AttemptPage, 'Loading your answer…');
const ContentPage = lazyPage(async () => (await import('./pages/ContentPage.js')).ContentPage, 'Loading your content…');
const QuestionEditorPage = lazyPage(async () => (await import('./pages/ContentEditorPage.js')).QuestionEditorPage, 'Loading the editor…');
const GuideEditorPage = lazyPage(async () => (await import('./pages/ContentEditorPage.js')).GuideEditorPage, 'Loading the editor…');
const ProgressPage = lazyPage(async () => (await import('./pages/ProgressPage.js')).ProgressPage, 'Loading your progress…');

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
      { path: 'practice', element: <PracticePage /> },
      { path: 'practice/sessions/:id', element: <PracticeSessionPage /> },
      { path: 'practice/question/:role/:slug', element: <PracticeQuestionPage /> },
      { path: 'attempts/:id', element: <AttemptPage /> },
      { path: 'progress', element: <ProgressPage /> },
      // The organization's own questions and role guides (local mode: the user's own).
      { path: 'content', element: <ContentPage /> },
      { path: 'content/questions/new', element: <QuestionEditorPage /> },
      { path: 'content/questions/:slug/edit', element: <QuestionEditorPage /> },
      { path: 'content/roles/new', element: <GuideEditorPage /> },
      { path: 'content/roles/:slug/edit', element: <GuideEditorPage /> },
      // Server mode (Layout shows them signed out, and only in server mode).
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'organization', element: <OrganizationPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
