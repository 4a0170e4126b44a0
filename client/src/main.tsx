import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './App';
import { registerOfflineApp } from './offline/register';

// The record changes only when the server restarts: no refetching on focus, long freshness.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10 * 60_000, refetchOnWindowFocus: false, retry: 1 } },
});

// An answer is handed to React in the task it arrives in, not in a later timer: while the map draws
// (a frame can take a second in software WebGL at 10 000 features) each extra task is a frame's wait.
notifyManager.setScheduler(queueMicrotask);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

registerOfflineApp();
