"""Form pieces every app uses: fields and text checks, the NL Design System renderer, the public-form helper,
and the key that makes a form sent twice count once (once.py)."""
