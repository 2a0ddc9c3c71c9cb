"""Every change to a producer's page or story waits for an officer of its province (Wagtail workflow)."""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from access.grants import let_officers_publish
from storefront.models import ProvinceApprovalTask

WORKFLOW_NAME = "Duyệt nội dung chủ thể OCOP"
APPROVAL_TASK_NAME = "Cán bộ Sở Công Thương duyệt"


@transaction.atomic
def ensure_moderation(producer_index) -> Workflow:
    """Officers may publish under the producers' index; every change there waits for their approval."""
    officers = let_officers_publish(producer_index)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = ProvinceApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
        task.groups.set([officers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=producer_index, defaults={"workflow": workflow})
    return workflow
