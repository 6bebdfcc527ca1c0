export function Footer() {
  return (
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
          <h2 class="nhsuk-u-visually-hidden">Support links</h2>
          <ul class="nhsuk-footer__list">
            <li class="nhsuk-footer__list-item">
              <a class="nhsuk-footer__list-item-link" href="/api/openapi.json">
                API description (OpenAPI)
              </a>
            </li>
          </ul>
          <p class="nhsuk-body-s">Linkwork: one referral, one record, the right support.</p>
        </div>
      </div>
    </footer>
  );
}
