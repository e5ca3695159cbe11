import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startApp } from './app/app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Before the first render: the route's loaders start its calls while React renders.
const start = startApp();
// A transition: React renders the first screen in slices, yielding to the browser between them,
// instead of one task that blocks input until the whole shell and route are rendered.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App start={start} />
    </StrictMode>,
  );
});
