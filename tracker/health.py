from django.db import connection
from django.http import JsonResponse


def healthz(request):
    """For load balancers and the compose health check: the app answers and the DB does."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any database failure means unhealthy; say which
        return JsonResponse({"status": "error", "database": str(error)}, status=503)
    return JsonResponse({"status": "ok"})
