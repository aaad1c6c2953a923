// Types of seedrandom's Alea entry (seedrandom/lib/alea.js, loaded alone so a run does not compile seedrandom's six other generators): @types/seedrandom types it only as seedrandom.alea.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: typeof seedrandom.alea;
  export default alea;
}
