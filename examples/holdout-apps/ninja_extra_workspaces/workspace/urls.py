from django.urls import path

from projects import views
from projects.api import api

urlpatterns = [
    path("api/", api.urls),
    path("board/", views.board, name="board"),
    path("board/tasks/", views.add_task, name="add-task"),
    path("board/tasks/<int:task_id>/done/", views.complete_task, name="complete-task"),
    path("board/search/", views.search_tasks, name="search-tasks"),
]
