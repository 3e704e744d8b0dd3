'use client';
// The built-in user_input's question, asked mid-run: the person types the answer and sends it back to the agent.
import { useId, useState, type FormEvent } from 'react';
import { useRunStore } from '@/lib/store/run-store';

export function UserQuestion() {
  const question = useRunStore((s) => s.question);
  if (!question) return null;
  return <QuestionForm key={question.questionId} question={question.question} />;
}

function QuestionForm({ question }: { question: string }) {
  const answerQuestion = useRunStore((s) => s.answerQuestion);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string>();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) return setError('Write an answer first (the agent waits for it).');
    answerQuestion(answer);
  };
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950/40"
      data-testid="user-question"
    >
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        The agent asks you (user_input)
      </h2>
      <p className="whitespace-pre-wrap text-sm" data-testid="user-question-text">
        {question}
      </p>
      <label htmlFor={`${id}-answer`} className="label block">
        Your answer
      </label>
      <textarea
        id={`${id}-answer`}
        className="field min-h-16 w-full"
        value={answer}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setAnswer(e.target.value);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') submit(e);
        }}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex items-center gap-2">
        <button type="submit" className="btn">
          Send answer
        </button>
        <span className="muted text-xs">The answer becomes the tool’s result; a recorded run keeps it. Ctrl+Enter sends it.</span>
      </div>
    </form>
  );
}
