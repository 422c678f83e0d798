/** The package ships a bare JSON array of domains and no types. */
declare module 'disposable-email-domains' {
  const domains: string[];
  export = domains;
}
