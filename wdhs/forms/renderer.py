from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Renders every form with the portal's NL Design System field markup (templates/forms/)."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
