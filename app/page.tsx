import { Playground } from '@/components/playground/client-entry';

export default function Home() {
  return <Playground />;
}
