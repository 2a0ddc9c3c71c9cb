default_app_config = 'catalogue.analytics.apps.AnalyticsConfig'
